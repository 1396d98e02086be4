import { byChannelOrder, outreachRatesFromCounts, type OutreachChannel, type OutreachChannelRates } from '@huifang/shared';
import { instantBounds, num, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';

/**
 * The counts behind each channel's delivery and response rates (shared/src/lib/outreach-indicators.ts
 * defines them and works out the rates): the messages created in the period, by the outbox's
 * `created_at` index, of one department when asked. A survey invitation's message is joined to its
 * invitation (`source_id`) for whether it was answered; its reminder is not counted a second time.
 */
export async function outreachRates(sql: IndicatorSql, scope: IndicatorScope, timeZone: string): Promise<OutreachChannelRates[]> {
  const { start, end } = instantBounds(scope, timeZone);
  const sent = 'm.sent_at IS NOT NULL';
  const invitationSent = `m.kind = 'survey_invitation' AND ${sent}`;
  const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT m.channel AS channel,
            ${count("m.status <> 'suppressed'")} AS created,
            ${count("m.status = 'queued'")} AS queued,
            ${count(sent)} AS sent,
            ${count("m.status = 'delivered'")} AS delivered,
            ${count("m.status = 'failed'")} AS failed,
            ${count(`m.status = 'failed' AND ${sent}`)} AS failed_after_sending,
            ${count("m.status = 'suppressed'")} AS suppressed,
            ${count(invitationSent)} AS invitations_sent,
            ${count(`${invitationSent} AND i.used_at IS NOT NULL`)} AS invitations_answered
       FROM outreach_message m
       LEFT JOIN survey_invitation i ON m.kind = 'survey_invitation' AND i.id = m.source_id
      WHERE m.created_at >= ${sql.instantParam('start')} AND m.created_at < ${sql.instantParam('end')}
            ${scope.departmentId === null ? '' : 'AND m.department_id = :departmentId'}
      GROUP BY m.channel`,
    { start, end, departmentId: scope.departmentId },
  );
  return byChannelOrder(
    rows.map((row) =>
      outreachRatesFromCounts({
        channel: row['channel'] as OutreachChannel,
        created: num(row['created']),
        queued: num(row['queued']),
        sent: num(row['sent']),
        delivered: num(row['delivered']),
        failed: num(row['failed']),
        failedAfterSending: num(row['failed_after_sending']),
        suppressed: num(row['suppressed']),
        surveyInvitationsSent: num(row['invitations_sent']),
        surveyInvitationsAnswered: num(row['invitations_answered']),
      }),
    ),
  );
}

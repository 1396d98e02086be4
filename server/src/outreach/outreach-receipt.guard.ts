import { Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ERROR_CODES, OUTREACH_RECEIPT_CHANNELS } from '@huifang/shared';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config/app-config';
import { signatureValid, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './channels/webhook-signature';
import { RejectionBudget } from './rejection-budget';

interface ReceiptRequest {
  rawBody?: Buffer;
  headers: Record<string, string | string[] | undefined>;
  params: { channel?: string };
  ip?: string;
}

/**
 * Receipts come from the gateways, not from staff: the HMAC over the raw body is their
 * authentication, checked before the body is validated or read. A bad one is answered 401 and
 * audited with the channel and the source address, never the body — up to a budget per source and
 * minute (rejection-budget.ts), so that the open route cannot flood the audit log.
 */
@Injectable()
export class OutreachReceiptGuard implements CanActivate {
  private readonly logger = new Logger(OutreachReceiptGuard.name);
  private readonly rejections = new RejectionBudget();

  constructor(
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ReceiptRequest>();
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    if (signatureValid(this.config.outreach.webhookSecret, header(TIMESTAMP_HEADER), header(SIGNATURE_HEADER), request.rawBody ?? Buffer.alloc(0), Date.now())) {
      return true;
    }
    const given = String(request.params.channel ?? '');
    const channel = (OUTREACH_RECEIPT_CHANNELS as readonly string[]).includes(given) ? given : 'unknown';
    const spent = this.rejections.spend(request.ip ?? 'unknown', Date.now());
    if (spent === 'audit') {
      await this.audit.record(
        { actor: null, ip: request.ip ?? null },
        { action: 'outreach.receipt_rejected', entityType: 'outreach_receipt', entityId: null, detail: JSON.stringify({ channel }) },
      );
    } else if (spent === 'first_over') {
      this.logger.warn('more receipts with a bad signature from one source this minute: the rest are refused without an audit entry');
    }
    throw new UnauthorizedException({ message: 'the receipt’s signature does not verify', code: ERROR_CODES.outreachSignatureInvalid });
  }
}

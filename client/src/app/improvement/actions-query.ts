import type { ParamMap, Params } from '@angular/router';
import { IMPROVEMENT_STATUSES, type ImprovementActionQuery, type ImprovementStatus, isIndicatorKey } from '@huifang/shared';
import { positiveIntParam } from '../core/url-params';

/** The actions list's filters, kept in the URL (`/improvement?status=in_progress&departmentId=3&indicator=nps`). */
export function actionsQueryFromParams(params: ParamMap): ImprovementActionQuery {
  const query: ImprovementActionQuery = {};
  const status = params.get('status');
  if ((IMPROVEMENT_STATUSES as readonly string[]).includes(status ?? '')) query.status = status as ImprovementStatus;
  const departmentId = positiveIntParam(params.get('departmentId'));
  if (departmentId !== null) query.departmentId = departmentId;
  const indicator = params.get('indicator');
  if (isIndicatorKey(indicator)) query.indicator = indicator;
  return query;
}

export function paramsFromActionsQuery(query: ImprovementActionQuery): Params {
  return { status: query.status ?? null, departmentId: query.departmentId ?? null, indicator: query.indicator ?? null };
}

export function sameActionsQuery(a: ImprovementActionQuery, b: ImprovementActionQuery): boolean {
  return a.status === b.status && a.departmentId === b.departmentId && a.indicator === b.indicator;
}

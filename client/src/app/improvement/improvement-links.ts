import { PAGE_ACCESS } from '../auth/page-access';

/** The improvement pages' router links (the path is the page-access table's). */
export const IMPROVEMENT_PATH = `/${PAGE_ACCESS.improvement.path}`;

export function actionLink(id: number): (string | number)[] {
  return [IMPROVEMENT_PATH, id];
}

export function editActionLink(id: number): (string | number)[] {
  return [IMPROVEMENT_PATH, id, 'edit'];
}

export const NEW_ACTION_LINK = [IMPROVEMENT_PATH, 'new'];

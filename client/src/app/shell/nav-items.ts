import type { Role } from '@huifang/shared';
import { PAGE_ACCESS, STAFF_PAGES, type StaffPage, canOpenPage } from '../auth/page-access';

export interface NavItem {
  page: StaffPage;
  link: string;
  labelKey: string;
  testId: string;
}

/** The side-nav links a role may see (least privilege), in display order. */
export function navItemsFor(role: Role | null | undefined): NavItem[] {
  if (!role) {
    return [];
  }
  return STAFF_PAGES.filter((page) => canOpenPage(role, page)).map((page) => ({
    page,
    link: `/${PAGE_ACCESS[page].path}`,
    labelKey: `nav.${page}`,
    testId: `nav-${page}`,
  }));
}

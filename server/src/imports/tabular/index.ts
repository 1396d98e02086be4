export { peekTabular, openTabularSource, suggestMapping, type TabularPeek, type TabularSourceOptions } from './tabular-source';
export type { TabularDepartment } from './department-lookup';
export { sniffTabularFormat, type TabularFormat } from './file-records';

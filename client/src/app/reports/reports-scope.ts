/**
 * The Transloco scope of the assessment report page: `client/public/i18n/reports/<lang>.json`, keys
 * `reports.*`. Department, phase and stage names come from the main file.
 */
export const REPORTS_SCOPE = 'reports';

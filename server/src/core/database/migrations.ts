import { AssessmentReports1766300000000 } from '../../migrations/1766300000000-assessment-reports';
import { InitialSchema1763900000000 } from '../../migrations/1763900000000-initial-schema';
import { PatientsEncountersAudit1763990000000 } from '../../migrations/1763990000000-patients-encounters-audit';
import { SurveysAndCallbacks1764000000000 } from '../../migrations/1764000000000-surveys-and-callbacks';
import { CallbackQueueAndRules1764100000000 } from '../../migrations/1764100000000-callback-queue-and-rules';
import { Indicators1764200000000 } from '../../migrations/1764200000000-indicators';
import { CallbackDepartmentIndex1764300000000 } from '../../migrations/1764300000000-callback-department-index';
import { AtRiskByNps1764310000000 } from '../../migrations/1764310000000-at-risk-by-nps';
import { SchemaMatchesEntities1764400000000 } from '../../migrations/1764400000000-schema-matches-entities';
import { StaffTokenVersion1764500000000 } from '../../migrations/1764500000000-staff-token-version';
import { AuditEntryDetail1764600000000 } from '../../migrations/1764600000000-audit-entry-detail';
import { AppendOnlyAuditLog1764601000000 } from '../../migrations/1764601000000-append-only-audit-log';
import { PatientErasure1764602000000 } from '../../migrations/1764602000000-patient-erasure';
import { LoginFailure1764500100000 } from '../../migrations/1764500100000-login-failure';
import { PatientSearchCount1765000000000 } from '../../migrations/1765000000000-patient-search-count';
import { WaitMonthlyAnyThreshold1765100000000 } from '../../migrations/1765100000000-wait-monthly-any-threshold';
import { ResponseNeedsRecovery1765200000000 } from '../../migrations/1765200000000-response-needs-recovery';
import { CancelCallsWithoutConsent1765200100000 } from '../../migrations/1765200100000-cancel-calls-without-consent';
import { SurveyLanguage1765500000000 } from '../../migrations/1765500000000-survey-language';
import { ListSortIndexes1765300000000 } from '../../migrations/1765300000000-list-sort-indexes';
import { HistoryImport1765700000000 } from '../../migrations/1765700000000-history-import';
import { FhirDepartmentMapping1765702000000 } from '../../migrations/1765702000000-fhir-department-mapping';
import { UnmappedDepartmentInactive1765705000000 } from '../../migrations/1765705000000-unmapped-department-inactive';
import { CallbackRollups1765800000000 } from '../../migrations/1765800000000-callback-rollups';
import { CallbackPriorityRank1765850000000 } from '../../migrations/1765850000000-callback-priority-rank';
import { SurveyRollups1765950000000 } from '../../migrations/1765950000000-survey-rollups';
import { PatientStatusCounts1765955000000 } from '../../migrations/1765955000000-patient-status-counts';
import { WaitHistogram1765956000000 } from '../../migrations/1765956000000-wait-histogram';
import { ChurnCohortOrder1765970000000 } from '../../migrations/1765970000000-churn-cohort-order';
import { CommentThemes1765976000000 } from '../../migrations/1765976000000-comment-themes';
import { DropWaitMonthly1765990000000 } from '../../migrations/1765990000000-drop-wait-monthly';
import { CommentSearch1766010000000 } from '../../migrations/1766010000000-comment-search';
import { ImportedFeedback1766020000000 } from '../../migrations/1766020000000-imported-feedback';
import { CommentThemePhrases1766030000000 } from '../../migrations/1766030000000-comment-theme-phrases';
import { DriverCounts1766040000000 } from '../../migrations/1766040000000-driver-counts';
import { RelationshipPhases1766100000000 } from '../../migrations/1766100000000-relationship-phases';
import { FftRollup1766150000000 } from '../../migrations/1766150000000-fft-rollup';
import { ImprovementActions1766200000000 } from '../../migrations/1766200000000-improvement-actions';
import { OutreachOutbox1766400000000 } from '../../migrations/1766400000000-outreach-outbox';
import { OutreachSources1766500000000 } from '../../migrations/1766500000000-outreach-sources';
import { OutreachTemplates1766600000000 } from '../../migrations/1766600000000-outreach-templates';

/**
 * Every migration, in order. Listed by hand because the server is bundled by webpack,
 * where a glob over files finds nothing.
 */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  PatientsEncountersAudit1763990000000,
  SurveysAndCallbacks1764000000000,
  CallbackQueueAndRules1764100000000,
  Indicators1764200000000,
  CallbackDepartmentIndex1764300000000,
  AtRiskByNps1764310000000,
  SchemaMatchesEntities1764400000000,
  StaffTokenVersion1764500000000,
  AuditEntryDetail1764600000000,
  AppendOnlyAuditLog1764601000000,
  PatientErasure1764602000000,
  LoginFailure1764500100000,
  PatientSearchCount1765000000000,
  WaitMonthlyAnyThreshold1765100000000,
  ResponseNeedsRecovery1765200000000,
  CancelCallsWithoutConsent1765200100000,
  ListSortIndexes1765300000000,
  SurveyLanguage1765500000000,
  HistoryImport1765700000000,
  FhirDepartmentMapping1765702000000,
  UnmappedDepartmentInactive1765705000000,
  CallbackRollups1765800000000,
  CallbackPriorityRank1765850000000,
  SurveyRollups1765950000000,
  PatientStatusCounts1765955000000,
  WaitHistogram1765956000000,
  ChurnCohortOrder1765970000000,
  CommentThemes1765976000000,
  DropWaitMonthly1765990000000,
  CommentSearch1766010000000,
  ImportedFeedback1766020000000,
  CommentThemePhrases1766030000000,
  DriverCounts1766040000000,
  RelationshipPhases1766100000000,
  FftRollup1766150000000,
  ImprovementActions1766200000000,
  AssessmentReports1766300000000,
  OutreachOutbox1766400000000,
  OutreachSources1766500000000,
  OutreachTemplates1766600000000,
];

import { InitialSchema1764380000000 } from './1764380000000-initial-schema';
import { AccountsAuditImports1764390000000 } from './1764390000000-accounts-audit-imports';
import { JobsDigestsReports1764400000000 } from './1764400000000-jobs-digests-reports';
import { RealTexts1764500000000 } from './1764500000000-real-texts';
import { Hardening1764600000000 } from './1764600000000-hardening';
import { DecisionLinks1764700000000 } from './1764700000000-decision-links';
import { WebSessions1764800000000 } from './1764800000000-web-sessions';
import { ManualMandates1764820000000 } from './1764820000000-manual-mandates';
import { OneTimeLinks1764840000000 } from './1764840000000-one-time-links';
import { DropOverdueIndex1764940000000 } from './1764940000000-drop-overdue-index';
import { ScaleIndexes1764950000000 } from './1764950000000-scale-indexes';
import { MandateDueKindIndex1764960000000 } from './1764960000000-mandate-due-kind-index';
import { ObligationFillfactor1764971000000 } from './1764971000000-obligation-fillfactor';

/** Every migration, in order; the app, the CLI and the tests run exactly these. */
export const MIGRATIONS = [
  InitialSchema1764380000000,
  AccountsAuditImports1764390000000,
  JobsDigestsReports1764400000000,
  RealTexts1764500000000,
  Hardening1764600000000,
  DecisionLinks1764700000000,
  WebSessions1764800000000,
  ManualMandates1764820000000,
  OneTimeLinks1764840000000,
  DropOverdueIndex1764940000000,
  ScaleIndexes1764950000000,
  MandateDueKindIndex1764960000000,
  ObligationFillfactor1764971000000,
];

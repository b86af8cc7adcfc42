import { CoreSchema1764000000000 } from './1764000000000-core-schema.js';
import { DossierFormatAdditions1764000400000 } from './1764000400000-dossier-format-additions.js';
import { RoundKeysetIndex1764000500000 } from './1764000500000-round-keyset-index.js';
import { ResultsInline1764000500100 } from './1764000500100-results-inline.js';
import { ResultsAsJson1764000500200 } from './1764000500200-results-as-json.js';
import { EligibilityFormatGaps1764000600000 } from './1764000600000-eligibility-format-gaps.js';
import { ScreeningScope1764000600400 } from './1764000600400-screening-scope.js';
import { AuditRowHashes1764000610000 } from './1764000610000-audit-row-hashes.js';
import { SessionSecurity1764000612000 } from './1764000612000-session-security.js';
import { DossierImports1764000650000 } from './1764000650000-dossier-imports.js';
import { DossierList1764000700000 } from './1764000700000-dossier-list.js';
import { IdentityPapers1764000720000 } from './1764000720000-identity-papers.js';
import { DossierFacts1764004000000 } from './1764004000000-dossier-facts.js';
import { DossierListCounts1764001910000 } from './1764001910000-dossier-list-counts.js';
import { DossierFacilityOrder1764005200000 } from './1764005200000-dossier-facility-order.js';
import { ResultsTimeOrderedIds1764005300000 } from './1764005300000-results-time-ordered-ids.js';
import { AuditHeadLock1764005400000 } from './1764005400000-audit-head-lock.js';
import { ResultsSetBasedReferences1764006400000 } from './1764006400000-results-set-based-references.js';
import { ResultReliances1764006900000 } from './1764006900000-result-reliances.js';

export const CORE_MIGRATIONS: Function[] = [
  CoreSchema1764000000000,
  DossierFormatAdditions1764000400000,
  RoundKeysetIndex1764000500000,
  ResultsInline1764000500100,
  ResultsAsJson1764000500200,
  EligibilityFormatGaps1764000600000,
  ScreeningScope1764000600400,
  AuditRowHashes1764000610000,
  SessionSecurity1764000612000,
  DossierImports1764000650000,
  DossierList1764000700000,
  IdentityPapers1764000720000,
  DossierListCounts1764001910000,
  DossierFacts1764004000000,
  DossierFacilityOrder1764005200000,
  ResultsTimeOrderedIds1764005300000,
  AuditHeadLock1764005400000,
  ResultsSetBasedReferences1764006400000,
  ResultReliances1764006900000,
];

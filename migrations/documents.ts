import { Documents1764000300000 } from './1764000300000-documents.js';
import { ComplaintDocumentKinds1764000714200 } from './1764000714200-complaint-document-kinds.js';
import { DocumentSignatures1764001800000 } from './1764001800000-document-signatures.js';
import { CertificateBatches1764004100000 } from './1764004100000-certificate-batches.js';
import { DocumentChunkRuns1764004300000 } from './1764004300000-document-chunk-runs.js';
import { CertificateRegisterAppendOnly1764006800000 } from './1764006800000-certificate-register-append-only.js';

// The documents feature's migrations; TypeORM orders all migrations by the timestamp in their names.
export const DOCUMENTS_MIGRATIONS: Function[] = [
  Documents1764000300000,
  ComplaintDocumentKinds1764000714200,
  DocumentSignatures1764001800000,
  CertificateBatches1764004100000,
  DocumentChunkRuns1764004300000,
  CertificateRegisterAppendOnly1764006800000,
];

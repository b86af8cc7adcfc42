import { shortHash } from '../snapshot-hash.js';

// The public address printed in a document's QR code: the document's verification page, with the shortened snapshot
// hash so that the page can tell whether the paper in hand carries the data that was issued.
export function verificationUrl(publicBaseUrl: string, documentId: string, snapshotHash: string): string {
  return `${publicBaseUrl}/xac-minh/${documentId}?h=${shortHash(snapshotHash)}`;
}

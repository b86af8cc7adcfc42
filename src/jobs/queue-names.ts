// Queue names shared by the API (which sends) and every worker process (which works them).
export const DOCUMENT_RENDER_QUEUE = 'document-render';
// A share of a long document's chunks, printed by whichever worker takes it (DocumentChunkJobs).
export const DOCUMENT_CHUNK_QUEUE = 'document-chunk';
// A keyset range of a large screening's dossiers, screened by whichever worker takes it (ScreeningPartJobs).
export const SCREENING_PART_QUEUE = 'screening-part';

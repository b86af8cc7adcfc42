// Queue names shared by the API (which sends) and every worker process (which works them).
export const DOCUMENT_RENDER_QUEUE = 'document-render';

// The agencies' names live in the kernel with the enum, so the pure cores can print them too.
export { AGENCY_LABELS, agencyLabel } from '../kernel/agencies.js';

import { serveWorker } from '../common/worker-pool.js';
import { simulateBatch, type SimulatedDossier, type SimulationBatch } from './simulation-outcome.js';

// A simulation thread: parses and evaluates one batch of dossiers against the base and the draft parameters.
serveWorker<SimulationBatch, SimulatedDossier[]>((batch) => ({ output: simulateBatch(batch) }));

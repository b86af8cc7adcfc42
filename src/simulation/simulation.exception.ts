import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app.exception.js';
import { errorStatuses } from '../common/error-codes.js';

export enum SimulationErrorCode {
  RUNNING = 'SIMULATION_RUNNING',
  ADOPTED = 'SIMULATION_ADOPTED',
  NOT_DONE = 'SIMULATION_NOT_DONE',
  // The round's parameters changed after the simulation was based on them: simulate again before adopting.
  ROUND_CHANGED = 'ROUND_CHANGED',
}

const statusOf = errorStatuses<SimulationErrorCode>('simulation', {
  [SimulationErrorCode.RUNNING]: HttpStatus.CONFLICT,
  [SimulationErrorCode.ADOPTED]: HttpStatus.CONFLICT,
  [SimulationErrorCode.NOT_DONE]: HttpStatus.CONFLICT,
  [SimulationErrorCode.ROUND_CHANGED]: HttpStatus.CONFLICT,
});

export class SimulationException extends AppException {
  constructor(message: string, code: SimulationErrorCode) {
    super(code, message, statusOf(code));
  }
}

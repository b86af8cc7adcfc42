import type { HttpStatus } from '@nestjs/common';

// The one way a feature maps its error codes to HTTP statuses: a complete record, so a code added to the feature's
// enum without a status does not compile. Usage: `const statusOf = exceptionStatuses<XCode>({ [XCode.A]: 409, … })`.
export function exceptionStatuses<Code extends string>(
  statuses: Readonly<Record<Code, HttpStatus>>,
): (code: Code) => HttpStatus {
  return (code) => statuses[code];
}

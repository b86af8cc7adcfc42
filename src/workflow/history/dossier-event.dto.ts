import { IsEnum, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { WorkflowEvent } from '../core/events.js';
import { ReasonCode } from '../core/reason-codes.js';

export class DossierEventDto {
  @IsEnum(WorkflowEvent) event!: WorkflowEvent;
  // The version the caller read; a stale one is refused with 409.
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
  @IsOptional() @IsEnum(ReasonCode) reasonCode?: ReasonCode;
}

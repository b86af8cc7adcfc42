import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class ForwardDto {
  // The token returned by GET /api/lists/pending: what the caller saw and approves.
  @IsString() @Length(32, 32) token!: string;
  @IsOptional() @IsUUID() roundId?: string;
}

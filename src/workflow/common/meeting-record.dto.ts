import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

// A person at a meeting as the minutes name them: full name and title ("Đại úy Nguyễn Văn A", "Phó Giám thị").
export class MeetingPersonDto {
  @IsString() @Length(1, 200) name!: string;
  @IsString() @Length(1, 200) title!: string;
}

// What a meeting's minutes print about the meeting itself (Decree 30/2020 Appendix I, "biên bản"): when and where it
// opened, who chaired it, who kept the minutes, who attended. Nothing here is guessed later: what is not recorded is
// printed as a blank line to be filled in by hand.
export class MeetingRecordDto {
  // The hour the meeting opened, 'HH:MM' on a 24-hour clock.
  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) startedAt?: string;
  @IsOptional() @IsString() @Length(1, 300) place?: string;
  @IsOptional() @ValidateNested() @Type(() => MeetingPersonDto) chair?: MeetingPersonDto;
  @IsOptional() @ValidateNested() @Type(() => MeetingPersonDto) secretary?: MeetingPersonDto;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MeetingPersonDto)
  attendees?: MeetingPersonDto[];
  // Guests who attended without a vote (the procuracy's representative, for instance), as one line each.
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  observers?: string[];
}

// The stored form (jsonb): only what was given.
export interface MeetingRecord {
  startedAt?: string;
  place?: string;
  chair?: { name: string; title: string };
  secretary?: { name: string; title: string };
  attendees?: { name: string; title: string }[];
  observers?: string[];
}

export function meetingRecordOf(dto: MeetingRecordDto | undefined): MeetingRecord {
  if (!dto) return {};
  const person = (p: MeetingPersonDto | undefined) => (p ? { name: p.name.trim(), title: p.title.trim() } : undefined);
  const record: MeetingRecord = {
    startedAt: dto.startedAt,
    place: dto.place?.trim(),
    chair: person(dto.chair),
    secretary: person(dto.secretary),
    attendees: dto.attendees?.map((p) => person(p)!),
    observers: dto.observers?.map((o) => o.trim()),
  };
  return JSON.parse(JSON.stringify(record)) as MeetingRecord;
}

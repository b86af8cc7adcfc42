import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Agency, Role } from '../auth/user.entity.js';
import { DepartmentKind, FacilityKind, Ministry, NationalBodyKind, OrgUnitKind } from './org-unit.entity.js';

export class CreateOrgUnitDto {
  @ApiProperty({ example: 'TG-NAM-HA' }) @Matches(/^[A-Z0-9][A-Z0-9-]{1,49}$/) code!: string;
  @ApiProperty({ example: 'Trại giam Nam Hà' }) @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiProperty({ enum: OrgUnitKind }) @IsEnum(OrgUnitKind) kind!: OrgUnitKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) parentCode?: string;
  @ApiPropertyOptional({ enum: Ministry }) @IsOptional() @IsEnum(Ministry) ministry?: Ministry;
  @ApiPropertyOptional({ enum: DepartmentKind }) @IsOptional() @IsEnum(DepartmentKind) departmentKind?: DepartmentKind;
  @ApiPropertyOptional({ enum: FacilityKind }) @IsOptional() @IsEnum(FacilityKind) facilityKind?: FacilityKind;
  @ApiPropertyOptional({ enum: NationalBodyKind }) @IsOptional() @IsEnum(NationalBodyKind) bodyKind?: NationalBodyKind;
  @ApiPropertyOptional({ example: 'Hà Nam' }) @IsOptional() @IsString() @MaxLength(100) place?: string;
  @ApiPropertyOptional({
    example: 'CA-HA-NAM',
    description: 'A local procuracy: the code of the provincial police or military-region command it supervises',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  supervisedUnitCode?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'quangiao.nh' }) @Matches(/^[a-z0-9][a-z0-9._-]{2,49}$/) username!: string;
  @ApiProperty({ example: 'Phạm Văn Hùng' }) @IsString() @IsNotEmpty() @MaxLength(200) fullName!: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(200) password!: string;
  @ApiProperty({ enum: Role }) @IsEnum(Role) role!: Role;
  @ApiProperty({ example: 'TG-NAM-HA' }) @IsString() @IsNotEmpty() @MaxLength(50) orgUnitCode!: string;
  @ApiPropertyOptional({ enum: Agency }) @IsOptional() @IsEnum(Agency) agency?: Agency;
}

export class UpdateUserDto {
  @ApiProperty() @IsInt() @Min(1) @Max(1_000_000) expectedVersion!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(8) @MaxLength(200) password?: string;
}

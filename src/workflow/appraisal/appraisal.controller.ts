import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { SessionUser } from '../../auth/session-user.js';
import { Role } from '../../auth/user.entity.js';
import { idempotencyKey } from '../common/idempotency-key.js';
import { ExplanatoryReportDto, FlagDto, ListOpinionsDto, OpinionDto, ResolveFlagDto } from './appraisal.dto.js';
import { AppraisalService } from './appraisal.service.js';

@ApiTags('workflow')
@Controller('api/appraisal')
export class AppraisalController {
  constructor(private readonly appraisal: AppraisalService) {}

  @Get('dossiers/:id')
  @Roles(Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER)
  open(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.appraisal.open(user, id);
  }

  @Post('dossiers/:id/flags')
  @Roles(Role.APPRAISER)
  flag(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FlagDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.appraisal.flag(user, id, body, idempotencyKey(key));
  }

  @Put('dossiers/:id/opinion')
  @Roles(Role.APPRAISER)
  opinion(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: OpinionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.appraisal.opinion(user, id, body, idempotencyKey(key));
  }

  @Put('opinions')
  @Roles(Role.APPRAISER)
  opinions(@CurrentUser() user: SessionUser, @Body() body: ListOpinionsDto, @Headers('idempotency-key') key?: string) {
    return this.appraisal.opinions(user, body, idempotencyKey(key));
  }

  @Post('flags/:id/resolve')
  @HttpCode(200)
  @Roles(Role.COUNCIL_STANDING_OFFICER)
  resolve(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveFlagDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.appraisal.resolve(user, id, body, idempotencyKey(key));
  }

  @Post('explanatory-reports')
  @Roles(Role.COUNCIL_STANDING_OFFICER)
  report(
    @CurrentUser() user: SessionUser,
    @Body() body: ExplanatoryReportDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.appraisal.explanatoryReport(user, body, idempotencyKey(key));
  }

  @Get('explanatory-reports/:id')
  getReport(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.appraisal.report(user, id);
  }
}

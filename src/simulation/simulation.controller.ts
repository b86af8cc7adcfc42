import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SessionUser } from '../auth/session-user.js';
import { Role } from '../auth/user.entity.js';
import { NotFoundException } from '../common/app.exception.js';
import { changesCsv, figuresWorkbook } from './simulation-export.js';
import type { SimulationFigures } from './simulation-figures.js';
import {
  ChangesQueryDto,
  CompareQueryDto,
  CreateSimulationDto,
  ListQueryDto,
  VersionedCommandDto,
} from './simulation.dto.js';
import { SimulationQueue } from './simulation.queue.js';
import { SimulationService } from './simulation.service.js';

export const SIMULATION_ROLES = [Role.MINISTRY_OFFICER, Role.COUNCIL_STANDING_OFFICER, Role.ADMIN] as const;
// Adopting a draft changes the round for every facility: the standing body and the administrator only.
export const ADOPT_ROLES = [Role.COUNCIL_STANDING_OFFICER, Role.ADMIN] as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('simulations')
@Roles(...SIMULATION_ROLES)
@Controller('api/simulations')
export class SimulationController {
  constructor(
    private readonly simulations: SimulationService,
    private readonly queue: SimulationQueue,
  ) {}

  @ApiOperation({ summary: 'Save a draft of a round’s parameters and simulate it over the dossiers in scope' })
  @Post()
  @HttpCode(202)
  create(@CurrentUser() user: SessionUser, @Body() body: CreateSimulationDto) {
    return this.simulations.create(user, body, this.queue.enqueue);
  }

  @Get()
  list(@CurrentUser() user: SessionUser, @Query() query: ListQueryDto) {
    return this.simulations.list(user, query.roundId ?? null);
  }

  @ApiOperation({ summary: 'Two simulations side by side' })
  @Get('compare')
  compare(@CurrentUser() user: SessionUser, @Query() query: CompareQueryDto) {
    return this.simulations.compare(user, query.a, query.b);
  }

  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.simulations.get(user, id);
  }

  @Get(':id/progress')
  progress(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.simulations.progress(user, id);
  }

  @ApiOperation({ summary: 'The people whose verdict the draft changes, a page at a time' })
  @Get(':id/changes')
  changes(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: ChangesQueryDto) {
    return this.simulations.changes(user, id, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get(':id/changes.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async changesCsv(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    const csv = changesCsv(await this.simulations.allChanges(user, id));
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="mo-phong-${id.slice(0, 8)}-thay-doi.csv"`,
    });
  }

  @Get(':id/figures.xlsx')
  async figures(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    const sim = await this.simulations.get(user, id);
    if (!sim.figures) throw new NotFoundException('số liệu của bản mô phỏng (bản mô phỏng chưa chạy xong)');
    const bytes = await figuresWorkbook({ ...sim, figures: sim.figures as SimulationFigures });
    return new StreamableFile(bytes, {
      type: XLSX,
      disposition: `attachment; filename="mo-phong-${id.slice(0, 8)}.xlsx"`,
    });
  }

  @ApiOperation({ summary: 'Make the draft the round’s parameters (a new round version); 409 if the round moved on' })
  @Roles(...ADOPT_ROLES)
  @Post(':id/adopt')
  @HttpCode(200)
  adopt(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionedCommandDto) {
    return this.simulations.adopt(user, id, body.expectedVersion);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VersionedCommandDto,
  ): Promise<void> {
    await this.simulations.remove(user, id, body.expectedVersion);
  }
}

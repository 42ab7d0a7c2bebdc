import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';
import { AuditService, CalendarService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { calendarYearPipe } from '../common/bounded-int.pipe';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class HolidayYearDto {
  @ApiProperty({ example: '国办发明电〔2025〕7号' }) @IsString() @IsNotEmpty() @MaxLength(64) noticeNumber!: string;
  @ApiProperty({ example: '2025-11-04' }) @Matches(DATE) noticeDate!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) source!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(60) @Matches(DATE, { each: true }) holidays!: string[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DATE, { each: true })
  makeupWorkdays!: string[];
}

export class DueDateQuery {
  @ApiProperty({ example: '2026-09-28' }) @Matches(DATE) start!: string;
  @ApiProperty({ enum: ['working_days', 'calendar_days'] }) @IsIn(['working_days', 'calendar_days']) unit!:
    'working_days' | 'calendar_days';
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(3650) amount!: number;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
  ) {}

  @Get('years')
  @ApiOperation({ summary: 'Loaded holiday years with their State Council notice numbers' })
  async years() {
    return { items: await this.calendar.listYears() };
  }

  @Get('years/:year')
  async year(@Param('year', calendarYearPipe()) year: number) {
    return this.calendar.getYear(year);
  }

  @Put('years/:year')
  @Roles(Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: "Load or correct a year's holiday notice (administrators)" })
  async putYear(
    @CurrentActor() actor: Actor,
    @Param('year', calendarYearPipe()) year: number,
    @Body() dto: HolidayYearDto,
    @RequestId() requestId?: string,
  ) {
    const before = await this.calendar.getYear(year).catch(() => null);
    const saved = await this.calendar.putYear({ year, ...dto }, actor.userId);
    await this.audit.record({
      actorId: actor.userId,
      actorRole: Role.SYSTEM_ADMIN,
      action: 'CALENDAR_YEAR_SAVED',
      requestId,
      summary: {
        year,
        before: before
          ? {
              noticeNumber: before.noticeNumber,
              holidays: before.holidays.length,
              makeupWorkdays: before.makeupWorkdays.length,
            }
          : null,
        after: {
          noticeNumber: saved.noticeNumber,
          holidays: saved.holidays.length,
          makeupWorkdays: saved.makeupWorkdays.length,
        },
      },
    });
    return saved;
  }

  @Get('due-date')
  @ApiOperation({
    summary:
      'Due date of a statutory period (working days per 行政处罚法 Art.85; calendar days with the next-working-day rule)',
  })
  async dueDate(@Query() q: DueDateQuery) {
    const r = await this.calendar.dueDate({ startDate: q.start, unit: q.unit, amount: q.amount });
    return { start: q.start, unit: q.unit, amount: q.amount, dueDate: r.dueDate, dueAt: r.dueAt.toISOString() };
  }
}

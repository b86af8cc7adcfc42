import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { ListOpinionsDto } from '../../workflow/appraisal/appraisal.dto.js';
import { AgencyOpinion } from '../../workflow/core/appraisal.js';
import { isChecked } from '../dossier-form/form-convert.js';
import { asItems } from '../dossier-form/paths.js';

// One row of the agency's opinion table as the page posts it: the name is agreed with unless ticked as an exception,
// and the opinion stored when the page was shown (`was`, `wasNote`, `version`) tells which rows changed.
export interface OpinionRow {
  dossierId: string;
  version: string;
  was: string;
  wasNote: string;
  except: boolean;
  opinion: string;
  note: string;
  error?: string;
}

// The appraisal page's "agree with all except …" table: only the rows whose opinion or note differ from what is
// stored are sent, each refusal is put back on its row, and what was ticked and typed comes back as it was.
export class OpinionsForm {
  readonly rows: OpinionRow[];
  private readonly sent: OpinionRow[];

  constructor(body: Record<string, unknown>) {
    this.rows = asItems(body.rows).map((r) => {
      const text = (key: string) => String(r[key] ?? '').trim();
      return {
        dossierId: text('dossierId'),
        version: text('version'),
        was: text('was'),
        wasNote: text('wasNote'),
        except: isChecked(r.except),
        opinion: text('opinion'),
        note: text('note'),
      };
    });
    this.sent = this.rows.filter((r) => r.was !== opinionOf(r) || r.wasNote !== r.note);
  }

  get changed(): number {
    return this.sent.length;
  }

  async toDto(): Promise<{ dto: ListOpinionsDto; errors: FieldError[] }> {
    const dto = plainToInstance(ListOpinionsDto, {
      opinions: this.sent.map((r) => ({
        dossierId: r.dossierId,
        opinion: opinionOf(r),
        ...(r.note ? { note: r.note } : {}),
        ...(Number(r.version) > 0 ? { version: Number(r.version) } : {}),
      })),
    });
    return { dto, errors: toFieldErrors(await validate(dto)) };
  }

  // Each error of `opinions[i]…` goes to the row it came from; the rest are the form's.
  placeErrors(errors: readonly FieldError[]): string[] {
    const general: string[] = [];
    for (const e of errors) {
      const index = /^opinions\[(\d+)]/.exec(e.path)?.[1];
      const row = index === undefined ? undefined : this.sent[Number(index)];
      const message = e.message.replace(/^Trường "[^"]*"\s*/, '');
      if (row) row.error = [row.error, message].filter(Boolean).join(' ');
      else general.push(message);
    }
    return general;
  }

  byDossier(): Map<string, OpinionRow> {
    return new Map(this.rows.map((r) => [r.dossierId, r]));
  }
}

// An exception is a disagreement unless "cần bổ sung" was chosen; every other row agrees.
function opinionOf(row: OpinionRow): AgencyOpinion {
  if (!row.except) return AgencyOpinion.AGREE;
  return row.opinion === AgencyOpinion.NEEDS_SUPPLEMENT ? AgencyOpinion.NEEDS_SUPPLEMENT : AgencyOpinion.DISAGREE;
}

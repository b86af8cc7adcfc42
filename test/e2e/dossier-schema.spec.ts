import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DossierDto } from '../../src/dossiers/dossier.dto.js';
import { projectRoot } from '../../src/common/project-root.js';
import { buildDossier, buildRichDossier } from '../factories/dossier.factory.js';
import { CIRCUMSTANCE_DETAILS } from '../../src/dossiers/circumstance-details.js';
import { checkJsonSchema } from '../support/json-schema-check.js';

const schema = JSON.parse(readFileSync(`${projectRoot()}/docs/dossier.schema.json`, 'utf8'));

async function dtoAccepts(doc: unknown): Promise<boolean> {
  const errors = await validate(plainToInstance(DossierDto, doc) as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return errors.length === 0;
}

// The published JSON Schema and the server's validation must agree, or integrators would be told a lie.
describe('docs/dossier.schema.json', () => {
  const codes = { roundCode: 'QD-1244-2025', facilityCode: 'TG-THANH-XUAN', teamCode: 'TX-DOI-1' };

  it('accepts complete dossiers that the server accepts', async () => {
    for (const doc of [buildDossier(codes), buildRichDossier(codes)]) {
      const plain = JSON.parse(JSON.stringify(doc));
      expect(checkJsonSchema(schema, plain)).toEqual([]);
      expect(await dtoAccepts(plain)).toBe(true);
    }
  });

  const mutations: [string, (d: any) => void][] = [
    [
      'unknown top-level field',
      (d) => {
        d.note = 'x';
      },
    ],
    [
      'birth date in the wrong form',
      (d) => {
        d.person.birthDate = '14/03/1985';
      },
    ],
    [
      'month 12 in a duration',
      (d) => {
        d.reductions[0].term.months = 12;
      },
    ],
    [
      'negative VND amount',
      (d) => {
        d.obligations[0].amountDue = -1;
      },
    ],
    [
      'rating outside the four levels',
      (d) => {
        d.conductRatings[0].rating = 'XUAT_SAC';
      },
    ],
    [
      'quarter id in the wrong form',
      (d) => {
        d.conductRatings[0].period = '2025-5';
      },
    ],
    [
      'no judgment',
      (d) => {
        d.judgments = [];
      },
    ],
    [
      'interval kind unknown',
      (d) => {
        d.intervals[0].kind = 'HOLIDAY';
      },
    ],
    [
      'missing person name',
      (d) => {
        delete d.person.fullName;
      },
    ],
    [
      'a details key outside the closed list',
      (d) => {
        d.specialCircumstances = [{ category: 'SERIOUS_ILLNESS', details: { ward: 'B3' }, evidence: [] }];
      },
    ],
    [
      'a hardship cause outside the code list',
      (d) => {
        d.specialCircumstances = [
          { category: 'FAMILY_HARDSHIP_SOLE_BREADWINNER', details: { cause: 'BUSINESS_FAILURE' }, evidence: [] },
        ];
      },
    ],
    [
      'an evidence code outside the closed list',
      (d) => {
        d.specialCircumstances = [
          {
            category: 'AGE_70_PLUS',
            details: {},
            evidence: [
              { kind: 'Giấy khai sinh', code: 'BIRTH', issuer: 'UBND', issuerLevel: 'COMMUNE', readable: true },
            ],
          },
        ];
      },
    ],
    [
      'wrong format version',
      (d) => {
        d.formatVersion = 2;
      },
    ],
  ];

  it('describes exactly the details keys and code lists the server accepts, per category', () => {
    const byCategory = Object.fromEntries(
      schema.$defs.specialCircumstance.oneOf.map((alt: any) => [
        alt.properties.category.const,
        Object.fromEntries(
          Object.entries(alt.properties.details.properties).map(([k, v]: [string, any]) => [k, v.enum ?? null]),
        ),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(CIRCUMSTANCE_DETAILS).map(([category, specs]) => [
        category,
        Object.fromEntries(Object.entries(specs).map(([k, d]) => [k, d.codes ? Object.keys(d.codes) : null])),
      ]),
    );
    expect(byCategory).toEqual(expected);
  });

  it.each(mutations)('rejects a dossier with %s, as the server does', async (_name, mutate) => {
    const doc = JSON.parse(JSON.stringify(buildDossier(codes)));
    mutate(doc);
    expect(checkJsonSchema(schema, doc).length).toBeGreaterThan(0);
    expect(await dtoAccepts(doc)).toBe(false);
  });
});

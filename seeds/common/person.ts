import { Sex } from '../../src/dossiers/dossier-format.js';
import type { Address, DossierDocument } from '../../src/dossiers/dossier-format.js';
import type { Rng } from './prng.js';
import {
  ALIASES,
  ETHNICITIES,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
} from './data/names.js';
import { CITIES, COMMUNE_NAMES, PROVINCES, STREETS } from './data/places.js';

export type Person = DossierDocument['person'];

export interface PersonOptions {
  sex?: Sex;
  birthDate: string;
  yearOnly?: boolean;
  foreigner?: boolean;
  province?: string;
}

export function vietnameseName(rng: Rng, sex: Sex): string {
  const family = rng.weighted(FAMILY_NAMES);
  const middle = rng.weighted(sex === Sex.MALE ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES);
  const given = rng.pick(sex === Sex.MALE ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  // Some names carry a second middle name ("Nguyễn Thị Thu Hà", "Trần Văn Minh Tuấn").
  const second = rng.chance(0.08) ? ` ${rng.pick(sex === Sex.MALE ? SECOND_MALE : SECOND_FEMALE)}` : '';
  return `${family} ${middle}${second} ${given}`;
}

const SECOND_MALE: readonly string[] = ['Minh', 'Quang', 'Anh', 'Hoàng', 'Thanh', 'Ngọc'];
const SECOND_FEMALE: readonly string[] = ['Thu', 'Ngọc', 'Minh', 'Thanh', 'Kim', 'Hồng', 'Phương', 'Bích', 'Thúy'];

export function commune(rng: Rng, province: string): string {
  const urban = CITIES.has(province) ? 0.6 : 0.25;
  return `${rng.chance(urban) ? 'Phường' : 'Xã'} ${rng.pick(COMMUNE_NAMES)}`;
}

export function address(rng: Rng, province: string): Address {
  const communeName = commune(rng, province);
  const detail = communeName.startsWith('Phường')
    ? `Số ${rng.int(1, 220)}, đường ${rng.pick(STREETS)}`
    : `Thôn ${rng.int(1, 12)}`;
  return { detail, commune: communeName, province };
}

function idNumber(rng: Rng, sex: Sex, birthYear: number): string {
  // Citizen identity number: 3-digit province code, a digit for sex and century, 2 digits of the birth year, 6 digits.
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (sex === Sex.FEMALE ? 1 : 0);
  const province = String(rng.int(1, 96)).padStart(3, '0');
  return `${province}${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

export function buildPerson(rng: Rng, options: PersonOptions): Person {
  const sex = options.sex ?? (rng.chance(0.93) ? Sex.MALE : Sex.FEMALE);
  const province = options.province ?? rng.pick(PROVINCES);
  const home = address(rng, province);
  const birthYear = Number(options.birthDate.slice(0, 4));
  const foreign = options.foreigner === true;
  const person: Person = {
    fullName: vietnameseName(rng, sex),
    aliases: rng.chance(0.12) ? [rng.pick(ALIASES)] : [],
    birthDate: options.yearOnly ? String(birthYear) : options.birthDate,
    sex,
    ethnicity: rng.weighted(ETHNICITIES),
    nationality: 'Việt Nam',
    registeredResidence: home,
    residenceAfterRelease: rng.chance(0.9) ? home : address(rng, rng.pick(PROVINCES)),
  };
  if (foreign) {
    const [name, nationality] = rng.pick(FOREIGNERS);
    person.fullName = name;
    person.nationality = nationality;
    person.ethnicity = 'Không xác định';
  } else if (rng.chance(0.85)) {
    person.idNumber = idNumber(rng, sex, birthYear);
  }
  return person;
}

const FOREIGNERS: readonly (readonly [string, string])[] = [
  ['Zhang Wei', 'Trung Quốc'],
  ['Li Qiang', 'Trung Quốc'],
  ['Chanthavong Somphone', 'Lào'],
  ['Keo Sokha', 'Campuchia'],
  ['Kim Min-jun', 'Hàn Quốc'],
  ['Okafor Chinedu', 'Nigeria'],
  ['Somchai Prasert', 'Thái Lan'],
  ['Phommachanh Bounmy', 'Lào'],
];

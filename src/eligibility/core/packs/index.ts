import { DECREE_76_2008_PACK } from './decree-76-2008/index.js';
import { LAW_30_2018_PACK } from './law-30-2018/index.js';
import type { RulePack } from './rule-pack.js';

export const RULE_PACKS: Readonly<Record<string, RulePack>> = {
  [LAW_30_2018_PACK.id]: LAW_30_2018_PACK,
  [DECREE_76_2008_PACK.id]: DECREE_76_2008_PACK,
};

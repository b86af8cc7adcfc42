// Every TypeORM entity, registered once.
export const ENTITIES: Function[] = [];

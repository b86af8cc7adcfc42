// JSON text that is already serialised (and canonical): COPY writes it as it is.
export class RawJson {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

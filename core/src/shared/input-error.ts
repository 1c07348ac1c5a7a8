/** Input that a pure function refuses, with the field it concerns; the server answers 422 for it. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

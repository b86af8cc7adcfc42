// What the documents feature contributes to the application: the app module and the data source read these arrays.
import type { Provider, Type } from '@nestjs/common';

export const DOCUMENTS_CONTROLLERS: Type<unknown>[] = [];
export const DOCUMENTS_PROVIDERS: Provider[] = [];
export const DOCUMENTS_ENTITIES: Function[] = [];

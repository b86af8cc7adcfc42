// What the workflow feature contributes to the application: the app module and the data source read these arrays.
import type { Provider, Type } from '@nestjs/common';

export const WORKFLOW_CONTROLLERS: Type<unknown>[] = [];
export const WORKFLOW_PROVIDERS: Provider[] = [];
export const WORKFLOW_ENTITIES: Function[] = [];

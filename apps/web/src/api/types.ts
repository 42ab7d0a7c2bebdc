/**
 * Names for the response bodies the console reads, every one taken from the API's OpenAPI document
 * (openapi.d.ts): a field the API stops sending, or starts sending as null, breaks the type check.
 */
import type { components } from './openapi';

type Schemas = components['schemas'];
type Item<List extends { items: unknown[] }> = List['items'][number];

export type Me = Schemas['MeDto_Output'];
export type TaskView = Schemas['TaskDto_Output'];
export type InboxTask = Item<Schemas['InboxPageDto_Output']>;
export type CompletionAnswer = Schemas['CompletionDto_Output'];
export type TaskTypeContract = Item<Schemas['TaskTypeCatalogueDto_Output']>;
export type OutcomeContract = TaskTypeContract['outcomes'][number];
export type CaseListItem = Item<Schemas['CasePageDto_Output']>;
export type CaseDetail = Schemas['CaseDetailDto_Output'];
export type TimelineRow = Item<Schemas['TimelinePageDto_Output']>;
export type AttachmentView = Schemas['AttachmentDto_Output'];
export type DocumentView = Item<Schemas['DocumentPageDto_Output']>;
export type DirectoryUser = Item<Schemas['DirectoryUserPageDto_Output']>;
export type DirectoryDepartment = Item<Schemas['DirectoryDepartmentPageDto_Output']>;
export type DashboardRow = Schemas['DashboardDto_Output']['departments'][number];
export type Accident = Item<Schemas['AccidentPageDto_Output']>;
export type Referral = Item<Schemas['ReferralPageDto_Output']>;

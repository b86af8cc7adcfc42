// What the web interface contributes to the application. Order matters: /dossiers/import and the form controller's
// /dossiers/new, and the bulk /dossiers/events, are registered before the routes /dossiers/:id.
import { PublicVerificationController } from './public-verification.controller.js';
import type { Provider, Type } from '@nestjs/common';
import { DossierFormController } from './dossiers.controller.js';
import { DossierImportPagesController } from './dossier-import/dossier-import.controller.js';
import { DossierPagesController } from './dossier-pages.controller.js';
import { DossierEventsController } from './dossier-view/dossier-events.controller.js';
import { DossierFormService } from './dossier-form/dossier-form.service.js';
import { DossierFlagsView } from './dossier-view/dossier-flags.view.js';
import { BallotsController } from './ballots/ballots.controller.js';
import { AppraisalPagesController } from './appraisal/appraisal-pages.controller.js';
import { DossierPageView } from './dossier-view/dossier-page.view.js';
import { DocumentJobsController } from './lists/document-jobs.controller.js';
import { ListsPagesController } from './lists/lists-pages.controller.js';
import { ForeignMinistryPagesController } from './lists/foreign-ministry-pages.controller.js';
import { StandingPagesController } from './standing/standing-pages.controller.js';
import { WorkflowLookupRepository } from './workflow-lookup.repository.js';
import { CampPagesController } from './camp/camp-pages.controller.js';
import { AdminOrgController } from './admin/admin-org.controller.js';
import { AdminRoundsController } from './admin/admin-rounds.controller.js';
import { CouncilPagesController } from './standing/council-pages.controller.js';
import { HomeController } from './home.controller.js';
import { WorkQueueView } from './home/work-queue.view.js';
import { LoginController } from './login.controller.js';
import { PageService } from './render/page.service.js';
import { WebErrorPage } from './render/web-error-page.js';
import { HTML_ERROR_PAGE } from '../common/html-error-page.js';
import { ViewEngine } from './render/view-engine.js';
import { StaticController } from './static.controller.js';
import { WebCsrfGuard } from './csrf.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { WebLookupRepository } from './web-lookup.repository.js';
import { SimulationPagesController } from './simulation/simulation-pages.controller.js';
import { ComplaintPagesController } from './complaints/complaint-pages.controller.js';
import { CourtPagesController } from './courts/court-pages.controller.js';
import { ReleasePagesController } from './releases/release-pages.controller.js';
import { ScreeningPagesController } from './screenings/screening-pages.controller.js';
import { AppraisalRecordPagesController } from './after-decision/appraisal-record-pages.controller.js';
import { CertificatePagesController } from './after-decision/certificate-pages.controller.js';
import { PresentationPagesController } from './after-decision/presentation-pages.controller.js';

export const WEB_CONTROLLERS: Type<unknown>[] = [
  StaticController,
  LoginController,
  HomeController,
  DossierImportPagesController,
  DossierEventsController,
  DossierFormController,
  DossierPagesController,
  BallotsController,
  AppraisalPagesController,
  StandingPagesController,
  ListsPagesController,
  ForeignMinistryPagesController,
  DocumentJobsController,
  CampPagesController,
  AdminRoundsController,
  AdminOrgController,
  CouncilPagesController,
  PublicVerificationController,
  SimulationPagesController,
  ComplaintPagesController,
  CourtPagesController,
  ReleasePagesController,
  ScreeningPagesController,
  AppraisalRecordPagesController,
  CertificatePagesController,
  PresentationPagesController,
];
export const WEB_PROVIDERS: Provider[] = [
  ViewEngine,
  PageService,
  WebErrorPage,
  { provide: HTML_ERROR_PAGE, useExisting: WebErrorPage },
  WebCsrfGuard,
  WebExceptionFilter,
  WebLookupRepository,
  DossierFormService,
  DossierFlagsView,
  WorkQueueView,
  DossierPageView,
  WorkflowLookupRepository,
];

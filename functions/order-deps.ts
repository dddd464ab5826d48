/**
 * The order use cases as the API and mail in both build them: the service repository, the survey
 * workflow and what every order workflow is made of, from the workers' core and a link signer.
 */
import type { LinkSigner } from './auth/links.ts';
import type { Config } from './config.ts';
import type { CoreDeps } from './core-deps.ts';
import { ServiceRepository } from './repositories/services.ts';
import { SurveyRepository } from './repositories/surveys.ts';
import type { OrderWorkflowDeps } from './workflows/orders/context.ts';
import { OrderWorkflow } from './workflows/orders/index.ts';
import { SurveyWorkflow } from './workflows/surveys.ts';

export function createOrderUseCases(
  core: CoreDeps,
  config: Pick<Config, 'portalUrl' | 'surveyBudgetDays'>,
  links: LinkSigner,
) {
  const { db, now, users, departments, orders } = core;
  const services = new ServiceRepository(db);
  const surveyWorkflow = new SurveyWorkflow({
    orders,
    services,
    departments,
    users,
    surveys: new SurveyRepository(db),
    links,
    portalUrl: config.portalUrl,
    budgetDays: config.surveyBudgetDays,
    now,
  });
  const orderDeps: OrderWorkflowDeps = {
    surveys: surveyWorkflow,
    orders,
    services,
    departments,
    users,
    links,
    portalUrl: config.portalUrl,
    now,
  };
  return { services, surveyWorkflow, orderDeps, orderWorkflow: new OrderWorkflow(orderDeps) };
}

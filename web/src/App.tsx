import { A, Navigate, Route, Router, type RouteSectionProps, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, lazy, Match, on, Show, Suspense, Switch, untrack } from 'solid-js';
import type { SignInState } from './account/SignIn.tsx';
import { loadUser, setNavigator, signOut, startSignIn, takeSignedOut, user } from './account/session.ts';
import { catalogData } from './catalog/catalog-data.ts';
import { drafts } from './lib/drafts.ts';
import { focusHeadingOnNavigate } from './lib/focus.ts';
import { t } from './lib/strings.ts';
import { ErrorNote, Loading } from './lib/ui.tsx';
import { Bell } from './notes/Bell.tsx';
import { orderData } from './order/order-data.ts';
import { queueFirstPage } from './queue/queue-data.ts';

const SignIn = lazy(() => import('./account/SignIn.tsx'));
const AuthCallback = lazy(() => import('./account/AuthCallback.tsx'));
const Catalog = lazy(() => import('./catalog/Catalog.tsx'));
const ProcessMapPage = lazy(() => import('./process/ProcessMap.tsx'));
const SipocPage = lazy(() => import('./process/Sipoc.tsx'));
const HandoffsPage = lazy(() => import('./process/Handoffs.tsx'));
const RankingPage = lazy(() => import('./process/Ranking.tsx'));
const TransferPage = lazy(() => import('./transfer/Transfer.tsx'));
const DepartmentPage = lazy(() => import('./catalog/Department.tsx'));
const ServicePage = lazy(() => import('./catalog/Service.tsx'));
const MyOrders = lazy(() => import('./order/MyOrders.tsx'));
const OrderPage = lazy(() => import('./order/Order.tsx'));
const Queue = lazy(() => import('./queue/Queue.tsx'));
const NotFound = lazy(() => import('./lib/NotFound.tsx'));
const DepartmentServices = lazy(() => import('./editor/DepartmentServices.tsx'));
const Integrations = lazy(() => import('./integrations/Integrations.tsx'));
const Inbound = lazy(() => import('./inbound/Inbound.tsx'));
const ServiceEditor = lazy(() => import('./editor/ServiceEditor.tsx'));
const AnswerPage = lazy(() => import('./order/Answer.tsx'));
const SurveyPage = lazy(() => import('./survey/Survey.tsx'));
const Profile = lazy(() => import('./account/Profile.tsx'));
const Dashboard = lazy(() => import('./dashboard/Dashboard.tsx'));
const Goals = lazy(() => import('./dashboard/Goals.tsx'));
const Customers = lazy(() => import('./dashboard/Customers.tsx'));
const Capacity = lazy(() => import('./dashboard/Capacity.tsx'));
const AdminArea = lazy(() => import('./admin/AdminArea.tsx'));
const AdminPeople = lazy(() => import('./admin/AdminPeople.tsx'));
const AdminDepartments = lazy(() => import('./admin/AdminDepartments.tsx'));
const AdminAudit = lazy(() => import('./admin/AdminAudit.tsx'));
const AdminPrivacy = lazy(() => import('./admin/AdminPrivacy.tsx'));
const SetupPage = lazy(() => import('./setup/Setup.tsx'));
const TemplatesPage = lazy(() => import('./setup/TemplatePicker.tsx'));

function Shell(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();

  setNavigator((path) => navigate(path, { replace: true }));
  focusHeadingOnNavigate(() => location.pathname);
  // Shown on the page whose forms got their text back after the session ended and sign-in returned.
  const draftsKept = () => drafts.restoredOn() === location.pathname + location.search;

  const queues = () => Object.keys(user()?.memberships ?? {}).sort();
  // Heads see the department; everyone else in the team sees their own numbers (or their services').
  const dashboardLabel = (code: string) =>
    user()?.memberships[code] === 'head' ? t.nav.dashboard(code) : t.nav.myNumbers(code);

  return (
    <>
      <a class="skip-link" href="#main">
        {t.nav.skip}
      </a>
      <header class="top">
        <div class="top-inner">
          <A href="/" class="brand" end>
            {t.appName}
          </A>
          <Show when={user()}>
            {(u) => (
              <>
                <nav aria-label={t.nav.label}>
                  <ul>
                    <li>
                      <A href="/" end>
                        {t.nav.catalog}
                      </A>
                    </li>
                    <li>
                      <A href="/orders" end>
                        {t.nav.myOrders}
                      </A>
                    </li>
                    <For each={queues()}>
                      {(code) => (
                        <>
                          <li>
                            <A href={`/queue/${encodeURIComponent(code)}`}>{t.nav.queue(code)}</A>
                          </li>
                          <li>
                            <A href={`/departments/${encodeURIComponent(code)}/dashboard`}>{dashboardLabel(code)}</A>
                          </li>
                        </>
                      )}
                    </For>
                    <Show when={u().admin}>
                      <li>
                        <A href="/admin">{t.nav.admin}</A>
                      </li>
                    </Show>
                  </ul>
                </nav>
                <div class="who">
                  <Bell />
                  <span>
                    <span class="visually-hidden">{t.nav.signedInAs} </span>
                    <span data-testid="current-user">{u().name}</span>
                  </span>
                  <A href="/profile">{t.nav.profile}</A>
                  <button type="button" class="link-button" onClick={() => void signOut()}>
                    {t.nav.signOut}
                  </button>
                </div>
              </>
            )}
          </Show>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Show when={draftsKept()}>
          <p class="notice success" role="status">
            {t.signIn.draftsKept}
          </p>
        </Show>
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </main>
    </>
  );
}

/**
 * Pages behind sign-in: wait for the profile, or go to the provider's sign-in (and come back here).
 * Right after sign-out the landing page says so instead, rather than signing straight in again.
 */
function RequireUser(props: RouteSectionProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = createSignal<unknown>();
  const [attempt, setAttempt] = createSignal(0);

  createEffect(
    on(attempt, () => {
      if (untrack(user)) return;
      setError(undefined);
      const here = untrack(() => location.pathname + location.search + location.hash);
      loadUser()
        .then(async (found) => {
          if (found) return;
          if (takeSignedOut())
            navigate('/sign-in', { replace: true, state: { signedOut: true } satisfies SignInState });
          else await startSignIn(here, { replace: true });
        })
        .catch((e: unknown) => setError(() => e));
    }),
  );

  return (
    <Switch fallback={<Loading />}>
      <Match when={user()}>{props.children}</Match>
      <Match when={error()}>
        <ErrorNote error={error()} onRetry={() => setAttempt((n) => n + 1)} />
      </Match>
    </Switch>
  );
}

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/sign-in" component={SignIn} />
      <Route path="/auth/callback" component={AuthCallback} />
      {/* Reached from an emailed link: no sign-in needed. */}
      <Route path="/answer/:token" component={AnswerPage} />
      <Route path="/survey/:token" component={SurveyPage} />
      <Route path="/" component={RequireUser}>
        <Route path="/" component={Catalog} preload={({ intent }) => catalogData.preload('catalog', intent)} />
        <Route path="/departments/:code" component={DepartmentPage} />
        <Route path="/departments/:code/services" component={DepartmentServices} />
        <Route path="/departments/:code/integrations" component={Integrations} />
        <Route path="/departments/:code/inbound" component={Inbound} />
        <Route path="/departments/:code/transfer" component={TransferPage} />
        <Route path="/departments/:code/services/new" component={ServiceEditor} />
        <Route path="/departments/:code/setup" component={SetupPage} />
        <Route path="/departments/:code/templates" component={TemplatesPage} />
        <Route path="/departments/:code/dashboard" component={Dashboard} />
        <Route path="/departments/:code/goals" component={Goals} />
        <Route path="/departments/:code/customers" component={Customers} />
        <Route path="/departments/:code/capacity" component={Capacity} />
        <Route path="/departments/:code/ranking" component={RankingPage} />
        <Route path="/departments/:code/services/:id/process" component={ProcessMapPage} />
        <Route path="/departments/:code/services/:id/sipoc" component={SipocPage} />
        <Route path="/handoffs" component={HandoffsPage} />
        <Route path="/services/:id" component={ServicePage} />
        <Route path="/services/:id/edit" component={ServiceEditor} />
        <Route path="/orders" component={MyOrders} />
        <Route
          path="/orders/:number"
          component={OrderPage}
          preload={({ params, intent }) => orderData.preload(params.number ?? '', intent)}
        />
        <Route
          path="/queue/:code"
          component={Queue}
          preload={({ params, intent }) => queueFirstPage.preload(params.code ?? '', intent)}
        />
        <Route path="/queue/:code/at-risk" component={Queue} />
        <Route path="/profile" component={Profile} />
        <Route path="/admin" component={AdminArea}>
          <Route path="/" component={() => <Navigate href="/admin/people" />} />
          <Route path="/people" component={AdminPeople} />
          <Route path="/departments" component={AdminDepartments} />
          <Route path="/audit" component={AdminAudit} />
          <Route path="/privacy" component={AdminPrivacy} />
        </Route>
        <Route path="*404" component={NotFound} />
      </Route>
    </Router>
  );
}

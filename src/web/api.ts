import { financeApi } from './api/finance.ts';
import { foundationApi } from './api/foundation.ts';
import { iatiApi } from './api/iati.ts';
import { moneyApi } from './api/money.ts';
import { plansApi } from './api/plans.ts';
import { portfolioApi } from './api/portfolio.ts';
import { programmingApi } from './api/programming.ts';
import { referenceApi } from './api/reference.ts';
import { usersApi } from './api/users.ts';

/** Every call the web UI makes, by area (src/web/api/*.ts); each answer typed by its contract. */
export const api = { ...foundationApi, ...referenceApi, ...programmingApi, ...portfolioApi, ...financeApi, ...iatiApi, ...plansApi, ...usersApi, ...moneyApi };

import { endpoint } from './endpoint';

export const campaignsApi = {
  listCampaigns: endpoint('campaigns.json', 'GET /campaigns/', {
    operationId: 'get-campaigns',
    scope: 'campaigns.readonly',
    locationIn: 'query',
  }),
};

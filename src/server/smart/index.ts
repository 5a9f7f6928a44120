/** The web page as a SMART on FHIR app (SMART App Launch 2.0): launch settings and discovery. */
export { LAUNCH_PATH, registerSmartRoutes } from './smart-routes';
export { SmartDiscovery } from './smart-configuration';

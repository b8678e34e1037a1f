// Security headers on every response, errors and 404s included: this middleware runs
// first, before any route can fail. Helmet sets most of them; Permissions-Policy is
// added by hand (helmet has none).
import helmet from 'helmet';

const helmetHeaders = helmet({
  // An API returns JSON, never pages: nothing may be loaded, framed or submitted.
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  // Browsers must use HTTPS for a year, subdomains included (it only counts over HTTPS).
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

// No camera, microphone, location... for anything this API serves.
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

export function securityHeaders(req, res, next) {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  helmetHeaders(req, res, next);
}

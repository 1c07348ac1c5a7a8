// The technologies Baken recognises on a company's home page, as data: each rule names a product, its
// category and the public traces it leaves (script addresses, markup, the generator meta tag, response
// headers, cookie names). Patterns are regular expressions, matched case-insensitively; an empty
// pattern means "present". Written for Baken from the products' public script addresses and markers.

export const technologyCategories = [
  'cms',
  'page-builder',
  'e-commerce',
  'payments',
  'analytics',
  'tag-manager',
  'marketing-automation',
  'advertising',
  'chat',
  'consent',
  'reviews',
  'ab-testing',
  'scheduling',
  'cdn',
  'hosting',
  'web-server',
  'backend',
  'js-framework',
  'js-library',
  'ui-framework',
  'fonts',
  'maps',
  'video',
  'seo',
  'forms',
] as const;
export type TechnologyCategory = (typeof technologyCategories)[number];

export interface TechnologyRule {
  name: string;
  category: TechnologyCategory;
  /** Tested against the address of every `<script src>`. */
  scriptSrc?: readonly string[];
  /** Tested against the page's HTML. */
  html?: readonly string[];
  /** Meta tag name (lower case) to a pattern on its content, e.g. `generator`. */
  meta?: Readonly<Record<string, string>>;
  /** Response header name (lower case) to a pattern on its value. */
  headers?: Readonly<Record<string, string>>;
  /** Patterns on the names of the cookies the page sets. */
  cookies?: readonly string[];
  /** Products this one always runs on (WooCommerce runs on WordPress). */
  implies?: readonly string[];
}

export const technologyRules: readonly TechnologyRule[] = [
  // Content management
  {
    name: 'WordPress',
    category: 'cms',
    meta: { generator: '^WordPress' },
    html: ['/wp-content/', '/wp-includes/'],
    headers: { link: 'api\\.w\\.org' },
  },
  {
    name: 'Joomla',
    category: 'cms',
    meta: { generator: 'Joomla' },
    html: ['/media/jui/', '/media/system/js/', '/components/com_'],
  },
  {
    name: 'Drupal',
    category: 'cms',
    meta: { generator: '^Drupal' },
    headers: { 'x-generator': 'Drupal', 'x-drupal-cache': '' },
    html: ['/sites/default/files/', 'data-drupal-selector', 'drupal-settings-json'],
  },
  {
    name: 'Wix',
    category: 'cms',
    meta: { generator: 'Wix\\.com' },
    headers: { 'x-wix-request-id': '' },
    scriptSrc: ['static\\.parastorage\\.com', 'static\\.wixstatic\\.com'],
  },
  {
    name: 'Squarespace',
    category: 'cms',
    html: ['static1\\.squarespace\\.com', 'Static\\.SQUARESPACE_CONTEXT'],
    headers: { server: 'Squarespace' },
  },
  {
    name: 'Webflow',
    category: 'cms',
    meta: { generator: 'Webflow' },
    html: ['data-wf-page=', 'data-wf-site='],
    scriptSrc: ['website-files\\.com', 'webflow\\.[a-z0-9.]*js'],
  },
  {
    name: 'TYPO3',
    category: 'cms',
    meta: { generator: 'TYPO3' },
    html: ['/typo3conf/', '/typo3temp/'],
  },
  { name: 'Umbraco', category: 'cms', html: ['/umbraco/'], headers: { 'x-umbraco-version': '' } },
  {
    name: 'HubSpot CMS',
    category: 'cms',
    meta: { generator: 'HubSpot' },
    html: ['/hs/hsstatic/', 'hubspotusercontent'],
    headers: { 'x-hs-hub-id': '' },
  },
  { name: 'Ghost', category: 'cms', meta: { generator: '^Ghost' } },
  { name: 'Jimdo', category: 'cms', html: ['jimstatic\\.com', 'jimdo\\.com'] },
  { name: 'Craft CMS', category: 'cms', headers: { 'x-powered-by': 'Craft CMS' } },

  // Page builders and plugins
  { name: 'Elementor', category: 'page-builder', html: ['elementor-'], implies: ['WordPress'] },
  { name: 'Divi', category: 'page-builder', html: ['et_pb_', '/Divi/'], implies: ['WordPress'] },
  {
    name: 'Yoast SEO',
    category: 'seo',
    html: ['Yoast SEO plugin', 'yoast-schema-graph'],
    implies: ['WordPress'],
  },
  { name: 'Contact Form 7', category: 'forms', html: ['wpcf7'], implies: ['WordPress'] },
  { name: 'Gravity Forms', category: 'forms', html: ['gform_wrapper', 'gform_'], implies: ['WordPress'] },
  {
    name: 'Typeform',
    category: 'forms',
    scriptSrc: ['embed\\.typeform\\.com'],
    html: ['form\\.typeform\\.com'],
  },

  // Shops
  {
    name: 'Shopify',
    category: 'e-commerce',
    scriptSrc: ['cdn\\.shopify\\.com'],
    html: ['cdn\\.shopify\\.com', 'Shopify\\.theme'],
    headers: { 'x-shopid': '', 'x-shopify-stage': '' },
    cookies: ['^_shopify_'],
  },
  {
    name: 'WooCommerce',
    category: 'e-commerce',
    meta: { generator: 'WooCommerce' },
    html: ['/plugins/woocommerce/', 'woocommerce-', 'wc-block-'],
    cookies: ['^woocommerce_'],
    implies: ['WordPress'],
  },
  {
    name: 'Magento',
    category: 'e-commerce',
    html: ['Mage\\.Cookies', 'text/x-magento-init', '/static/version\\d+/frontend/'],
    headers: { 'x-magento-tags': '', 'x-magento-cache-debug': '' },
    cookies: ['^mage-'],
  },
  { name: 'Lightspeed', category: 'e-commerce', html: ['webshopapp\\.com'], scriptSrc: ['webshopapp\\.com'] },
  { name: 'CCV Shop', category: 'e-commerce', html: ['ccvshop'], scriptSrc: ['ccvshop'] },
  { name: 'Mijnwebwinkel', category: 'e-commerce', html: ['mijnwebwinkel', 'myonlinestore'] },
  {
    name: 'PrestaShop',
    category: 'e-commerce',
    meta: { generator: 'PrestaShop' },
    html: ['var prestashop'],
    cookies: ['^PrestaShop-'],
  },
  { name: 'Shopware', category: 'e-commerce', html: ['/bundles/storefront/', 'shopware'] },
  { name: 'BigCommerce', category: 'e-commerce', scriptSrc: ['bigcommerce\\.com'] },

  // Payments
  {
    name: 'Mollie',
    category: 'payments',
    scriptSrc: ['js\\.mollie\\.com'],
    html: ['mollie-payments-for-woocommerce', 'mollie-components', 'js\\.mollie\\.com'],
  },
  {
    name: 'Adyen',
    category: 'payments',
    scriptSrc: ['checkoutshopper-(live|test)[a-z-]*\\.adyen\\.com'],
    html: ['AdyenCheckout'],
  },
  { name: 'Stripe', category: 'payments', scriptSrc: ['js\\.stripe\\.com'] },
  { name: 'PayPal', category: 'payments', scriptSrc: ['paypal\\.com/sdk/js', 'paypalobjects\\.com'] },
  { name: 'Buckaroo', category: 'payments', html: ['buckaroo'] },
  { name: 'MultiSafepay', category: 'payments', html: ['multisafepay'] },

  // Analytics
  {
    name: 'Google Analytics',
    category: 'analytics',
    scriptSrc: ['google-analytics\\.com/(analytics|ga)\\.js'],
    html: ['[\'"]UA-\\d{4,10}-\\d{1,4}[\'"]'],
  },
  {
    name: 'Google Analytics 4',
    category: 'analytics',
    scriptSrc: ['googletagmanager\\.com/gtag/js\\?id=G-'],
    html: ['gtag\\(\\s*[\'"]config[\'"]\\s*,\\s*[\'"]G-[A-Z0-9]+'],
  },
  {
    name: 'Matomo',
    category: 'analytics',
    scriptSrc: ['matomo\\.js', 'piwik\\.js', 'cdn\\.matomo\\.cloud'],
    html: ['_paq\\.push', 'matomo\\.(js|php)'],
  },
  {
    name: 'Hotjar',
    category: 'analytics',
    scriptSrc: ['static\\.hotjar\\.com'],
    html: ['static\\.hotjar\\.com'],
  },
  { name: 'Microsoft Clarity', category: 'analytics', html: ['clarity\\.ms/tag'] },
  { name: 'Plausible', category: 'analytics', scriptSrc: ['plausible\\.io/js'] },
  { name: 'Leadinfo', category: 'analytics', html: ['cdn\\.leadinfo\\.net'] },
  { name: 'Dealfront', category: 'analytics', html: ['sc\\.lfeeder\\.com', 'leadfeeder'] },

  // Tag managers
  {
    name: 'Google Tag Manager',
    category: 'tag-manager',
    scriptSrc: ['googletagmanager\\.com/gtm\\.js'],
    html: ['googletagmanager\\.com/gtm\\.js', 'googletagmanager\\.com/ns\\.html'],
  },
  { name: 'Tealium', category: 'tag-manager', scriptSrc: ['tags\\.tiqcdn\\.com'] },

  // Marketing automation and email
  {
    name: 'HubSpot',
    category: 'marketing-automation',
    scriptSrc: [
      'js(-[a-z0-9]+)?\\.hs-scripts\\.com',
      'js(-[a-z0-9]+)?\\.hsforms\\.net',
      'js(-[a-z0-9]+)?\\.hs-analytics\\.net',
      'js(-[a-z0-9]+)?\\.hscollectedforms\\.net',
    ],
    html: ['hbspt\\.forms\\.create', 'js(-[a-z0-9]+)?\\.hs-scripts\\.com'],
    cookies: ['^hubspotutk$', '^__hstc$'],
  },
  {
    name: 'ActiveCampaign',
    category: 'marketing-automation',
    html: ['trackcmp\\.net', 'activehosted\\.com', "vgo\\(\\s*'setAccount'"],
  },
  {
    name: 'Mailchimp',
    category: 'marketing-automation',
    scriptSrc: ['chimpstatic\\.com'],
    html: ['list-manage\\.com', 'mc-embedded-subscribe'],
  },
  { name: 'Spotler', category: 'marketing-automation', html: ['spotler', 'mailplus\\.nl'] },
  { name: 'Copernica', category: 'marketing-automation', html: ['copernica'] },
  { name: 'Laposta', category: 'marketing-automation', html: ['laposta\\.nl'] },
  { name: 'Klaviyo', category: 'marketing-automation', html: ['klaviyo\\.com'] },
  {
    name: 'Salesforce Account Engagement',
    category: 'marketing-automation',
    html: ['pardot\\.com', 'piAId'],
  },
  { name: 'Marketo', category: 'marketing-automation', html: ['munchkin\\.marketo\\.net', 'mktoForms'] },

  // Advertising
  {
    name: 'LinkedIn Insight Tag',
    category: 'advertising',
    scriptSrc: ['snap\\.licdn\\.com/li\\.lms-analytics'],
    html: ['_linkedin_partner_id', 'snap\\.licdn\\.com/li\\.lms-analytics'],
  },
  {
    name: 'Meta Pixel',
    category: 'advertising',
    scriptSrc: ['connect\\.facebook\\.net/[^/]+/fbevents\\.js'],
    html: ['fbq\\(\\s*[\'"]init[\'"]', 'connect\\.facebook\\.net/[^/]+/fbevents\\.js'],
  },
  {
    name: 'Google Ads',
    category: 'advertising',
    scriptSrc: ['googleadservices\\.com/pagead/conversion', 'googletagmanager\\.com/gtag/js\\?id=AW-'],
    html: ['[\'"]AW-\\d{6,}'],
  },
  { name: 'Microsoft Advertising', category: 'advertising', html: ['bat\\.bing\\.com'] },
  { name: 'TikTok Pixel', category: 'advertising', html: ['analytics\\.tiktok\\.com'] },

  // Chat and support
  {
    name: 'Intercom',
    category: 'chat',
    scriptSrc: ['widget\\.intercom\\.io', 'js\\.intercomcdn\\.com'],
    html: ['intercomSettings', 'widget\\.intercom\\.io'],
  },
  {
    name: 'Zendesk',
    category: 'chat',
    scriptSrc: ['static\\.zdassets\\.com'],
    html: ['static\\.zdassets\\.com', 'zESettings'],
  },
  { name: 'Tawk.to', category: 'chat', html: ['embed\\.tawk\\.to'] },
  { name: 'LiveChat', category: 'chat', html: ['cdn\\.livechatinc\\.com', '__lc\\.license'] },
  { name: 'Trengo', category: 'chat', html: ['trengo\\.(eu|com)', 'window\\.Trengo'] },
  { name: 'Drift', category: 'chat', html: ['js\\.driftt\\.com'] },
  { name: 'Crisp', category: 'chat', html: ['client\\.crisp\\.chat'] },
  { name: 'Tidio', category: 'chat', html: ['code\\.tidio\\.co'] },
  { name: 'Userlike', category: 'chat', html: ['userlike-cdn', 'userlike\\.com'] },
  { name: 'Freshchat', category: 'chat', html: ['wchat\\.freshchat\\.com', 'freshworks\\.com/widget'] },

  // Cookie consent
  {
    name: 'Cookiebot',
    category: 'consent',
    scriptSrc: ['consent\\.cookiebot\\.(com|eu)'],
    html: ['consent\\.cookiebot\\.(com|eu)', 'Cookiebot'],
    cookies: ['^CookieConsent$'],
  },
  { name: 'CookieFirst', category: 'consent', html: ['consent\\.cookiefirst\\.com'] },
  { name: 'OneTrust', category: 'consent', html: ['cdn\\.cookielaw\\.org', 'optanon'] },
  { name: 'Complianz', category: 'consent', html: ['complianz'], implies: ['WordPress'] },
  { name: 'CookieYes', category: 'consent', html: ['cdn-cookieyes\\.com'] },
  { name: 'Usercentrics', category: 'consent', html: ['usercentrics\\.eu'] },

  // Reviews
  { name: 'Kiyoh', category: 'reviews', html: ['kiyoh\\.com'] },
  { name: 'Trustpilot', category: 'reviews', html: ['widget\\.trustpilot\\.com'] },
  { name: 'Feedback Company', category: 'reviews', html: ['feedbackcompany'] },

  // A/B testing
  {
    name: 'VWO',
    category: 'ab-testing',
    html: ['dev\\.visualwebsiteoptimizer\\.com', '_vwo_code'],
  },
  { name: 'Optimizely', category: 'ab-testing', scriptSrc: ['cdn\\.optimizely\\.com'] },
  { name: 'AB Tasty', category: 'ab-testing', html: ['try\\.abtasty\\.com'] },

  // Scheduling, maps, video, fonts
  { name: 'Calendly', category: 'scheduling', html: ['assets\\.calendly\\.com', 'calendly\\.com/'] },
  { name: 'Google Maps', category: 'maps', html: ['maps\\.googleapis\\.com', 'google\\.com/maps/embed'] },
  { name: 'YouTube', category: 'video', html: ['youtube\\.com/embed/', 'youtube-nocookie\\.com/embed/'] },
  { name: 'Vimeo', category: 'video', html: ['player\\.vimeo\\.com'] },
  { name: 'Google Fonts', category: 'fonts', html: ['fonts\\.googleapis\\.com'] },
  { name: 'Font Awesome', category: 'fonts', html: ['font-?awesome', 'kit\\.fontawesome\\.com'] },

  // Delivery and hosting
  {
    name: 'Cloudflare',
    category: 'cdn',
    headers: { server: '^cloudflare', 'cf-ray': '' },
    cookies: ['^__cf_bm$', '^__cfruid$'],
  },
  { name: 'Amazon CloudFront', category: 'cdn', headers: { 'x-amz-cf-id': '', via: 'CloudFront' } },
  { name: 'Fastly', category: 'cdn', headers: { 'x-fastly-request-id': '', 'x-served-by': '^cache-' } },
  { name: 'Akamai', category: 'cdn', headers: { server: 'AkamaiGHost', 'x-akamai-transformed': '' } },
  { name: 'jsDelivr', category: 'cdn', scriptSrc: ['cdn\\.jsdelivr\\.net'] },
  { name: 'cdnjs', category: 'cdn', scriptSrc: ['cdnjs\\.cloudflare\\.com'] },
  {
    name: 'Vercel',
    category: 'hosting',
    headers: { server: '^Vercel', 'x-vercel-id': '', 'x-vercel-cache': '' },
  },
  { name: 'Netlify', category: 'hosting', headers: { server: '^Netlify', 'x-nf-request-id': '' } },
  {
    name: 'WP Engine',
    category: 'hosting',
    headers: { 'x-powered-by': 'WP Engine' },
    implies: ['WordPress'],
  },
  { name: 'Kinsta', category: 'hosting', headers: { 'x-kinsta-cache': '' }, implies: ['WordPress'] },

  // Servers and back ends
  { name: 'Nginx', category: 'web-server', headers: { server: '^nginx' } },
  { name: 'Apache', category: 'web-server', headers: { server: '^Apache' } },
  { name: 'LiteSpeed', category: 'web-server', headers: { server: '^LiteSpeed' } },
  { name: 'Microsoft IIS', category: 'web-server', headers: { server: '^Microsoft-IIS' } },
  { name: 'PHP', category: 'backend', headers: { 'x-powered-by': '^PHP' }, cookies: ['^PHPSESSID$'] },
  { name: 'ASP.NET', category: 'backend', headers: { 'x-powered-by': 'ASP\\.NET', 'x-aspnet-version': '' } },

  // JavaScript frameworks and libraries
  {
    name: 'React',
    category: 'js-framework',
    html: ['data-reactroot', 'react-dom(\\.production)?(\\.min)?\\.js'],
    scriptSrc: ['react(-dom)?(\\.production)?(\\.min)?\\.js'],
  },
  {
    name: 'Vue.js',
    category: 'js-framework',
    html: ['data-v-[0-9a-f]{8}'],
    scriptSrc: ['vue(\\.runtime|\\.global)?(\\.prod)?(\\.min)?\\.js'],
  },
  {
    name: 'Next.js',
    category: 'js-framework',
    html: ['__NEXT_DATA__', '/_next/static/'],
    headers: { 'x-powered-by': 'Next\\.js' },
    implies: ['React'],
  },
  { name: 'Nuxt', category: 'js-framework', html: ['__NUXT__', '/_nuxt/'], implies: ['Vue.js'] },
  { name: 'Angular', category: 'js-framework', html: ['ng-version='] },
  { name: 'Svelte', category: 'js-framework', html: ['__sveltekit', 'class="[^"]*\\bsvelte-[a-z0-9]{6}'] },
  {
    name: 'Gatsby',
    category: 'js-framework',
    meta: { generator: '^Gatsby' },
    html: ['___gatsby'],
    implies: ['React'],
  },
  {
    name: 'jQuery',
    category: 'js-library',
    scriptSrc: ['jquery([.-]\\d[\\d.]*)?(\\.slim)?(\\.min)?\\.js', '/jquery/'],
  },
  { name: 'Alpine.js', category: 'js-library', scriptSrc: ['alpinejs'] },
  {
    name: 'Bootstrap',
    category: 'ui-framework',
    scriptSrc: ['bootstrap(\\.bundle)?(\\.min)?\\.js'],
    html: ['bootstrap(\\.min)?\\.css'],
  },
  {
    name: 'Tailwind CSS',
    category: 'ui-framework',
    html: [
      'cdn\\.tailwindcss\\.com',
      'tailwind(\\.min)?\\.css',
      'class="[^"]*\\b(sm|md|lg|xl):[a-z]+-[a-z0-9]',
    ],
  },
];

// API docs: Swagger UI (from the swagger-ui-bundle package, served locally) over /openapi.json.
"use strict";

window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // The validator badge would call validator.swagger.io: nothing leaves this server.
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});

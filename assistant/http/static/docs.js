// Swagger UI over the server's own /openapi.json, with nothing fetched from elsewhere.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger", validatorUrl: null, deepLinking: true });
});

"""The HTTP API and its web page: Litestar on uvicorn, imported only by `assistant serve`.

`service` answers requests without knowing HTTP; `routes` and `app` put it on the web; `limits` holds
what keeps a server safe to leave running (body and question caps, time limit, API key, access log).
"""

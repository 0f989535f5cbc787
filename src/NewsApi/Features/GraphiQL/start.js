// Queries and mutations go over HTTP; subscriptions over graphql-transport-ws on the same path, as the API serves them.
(function () {
  var root = document.getElementById('graphiql');
  var http = new URL(root.dataset.endpoint, window.location.href);
  var ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  var wsClient = graphqlWs.createClient({ url: ws.href, lazy: true });
  var httpFetcher = GraphiQL.createFetcher({ url: http.href });

  // GraphiQL's own fetcher decides from the editor's parsed document, which it refreshes on a debounce: a query run
  // right after an edit could go over HTTP as the previous operation's kind. Decide from the text actually sent.
  function isSubscription(params) {
    var text = params.query.replace(/#[^\n]*/g, '');
    var pattern = params.operationName
      ? new RegExp('\\bsubscription\\s+' + params.operationName + '\\b')
      : /^\s*subscription\b/;
    return pattern.test(text);
  }

  function fetcher(params, options) {
    if (!isSubscription(params)) {
      return httpFetcher(params, options);
    }
    return wsClient.iterate({
      query: params.query,
      variables: params.variables || undefined,
      operationName: params.operationName || undefined,
      extensions: params.extensions || undefined,
    });
  }

  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: '{\n  ticker {\n    headline\n  }\n}\n',
    shouldPersistHeaders: false,
  }));
})();

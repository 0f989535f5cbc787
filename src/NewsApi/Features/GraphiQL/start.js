// Queries and mutations go over HTTP; subscriptions over graphql-transport-ws on the same path, as the API serves them.
(function () {
  var root = document.getElementById('graphiql');
  var http = new URL(root.dataset.endpoint, window.location.href);
  var ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetcher = GraphiQL.createFetcher({
    url: http.href,
    wsClient: graphqlWs.createClient({ url: ws.href, lazy: true }),
  });
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: '{\n  ticker {\n    headline\n  }\n}\n',
    shouldPersistHeaders: false,
  }));
})();

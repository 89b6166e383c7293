// The Teams tab's sign-in (issue 22). Inside Teams: get a token with Teams single sign-on, exchange it once for the
// app's session cookie, then open the queue, or the ticket a card's deep link named (the tab's sub-page id is its
// protocol). Outside Teams: go on to the queue, which signs in as always. Without JavaScript the page is a link.
(function () {
  "use strict";
  var root = document.getElementById("teams-tab");
  var status = document.getElementById("teams-status");
  var next = root.getAttribute("data-next");
  if (window.parent === window.self || typeof microsoftTeams === "undefined") {
    window.location.replace(next);
    return;
  }

  function fail(message) {
    status.textContent = message;
  }

  function within(promise, ms) {
    return Promise.race([promise, new Promise(function (_, reject) {
      setTimeout(function () { reject(new Error("timeout")); }, ms);
    })]);
  }

  within(microsoftTeams.app.initialize(), 15000)
    .then(function () { return microsoftTeams.app.getContext(); })
    .then(function (context) {
      return microsoftTeams.authentication.getAuthToken().then(function (token) {
        return fetch(root.getAttribute("data-session"), {
          method: "POST",
          credentials: "same-origin",
          headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
          body: "{}"
        }).then(function (response) {
          if (response.status === 403) {
            throw { userMessage: "Sua conta não tem um perfil nesta aplicação. Peça um perfil ao administrador." };
          }
          if (!response.ok) {
            throw { userMessage: "O Teams não confirmou a sua conta. Feche e abra a aba de novo." };
          }
          var page = context && context.page ? context.page.subPageId : "";
          var target = /^[0-9]{6,20}$/.test(page || "") ? root.getAttribute("data-ticket-prefix") + page : next;
          if (microsoftTeams.app.notifySuccess) { microsoftTeams.app.notifySuccess(); }
          window.location.replace(target);
        });
      });
    })
    .catch(function (error) {
      fail(error && error.userMessage ? error.userMessage
        : "Não foi possível entrar com a sua conta do Teams. Use o link abaixo para abrir os chamados.");
    });
})();

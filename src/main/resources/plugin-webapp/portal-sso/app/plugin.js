// Twinflow: one sign-in. The webapps' own login page is never shown; the portal's sign-in is used
// instead, and a signed-out webapp tab lands there too.
const toPortalSignIn = () => {
  if (window.location.hash.startsWith('#/login')) {
    const contextPath = window.location.pathname.split('/camunda/')[0];
    window.location.replace(contextPath + '/login');
  }
};
toPortalSignIn();
window.addEventListener('hashchange', toPortalSignIn);

export default [];

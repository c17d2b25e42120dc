## La lista de favoritas: «Guardar» en las vacantes y la página de vacantes guardadas (en este navegador).

nav-saved = Guardadas
nav-saved-count = Guardadas ({ $n })
shortlist-save = Guardar
shortlist-saved = Guardada
shortlist-saved-hint = { $title } está en tus vacantes guardadas; pulsa para quitarla
shortlist-title = Vacantes guardadas
shortlist-description = Las vacantes que has guardado en este navegador.
shortlist-empty = Todavía no has guardado ninguna vacante. Pulsa «Guardar» en una vacante para tenerla aquí.
shortlist-browse = Ver las vacantes abiertas
shortlist-count = { $count ->
    [one] { $n } vacante guardada, la más reciente primero.
   *[other] { $n } vacantes guardadas, las más recientes primero.
}
shortlist-closed = Cerrada, ya no admite candidaturas
shortlist-applied = Candidatura enviada desde este navegador
shortlist-remove = Quitar
shortlist-full = { $count ->
    [one] La lista conserva la última vacante que guardaste: si guardas otra, la sustituye.
   *[other] La lista conserva las { $n } últimas vacantes que guardaste: si guardas otra, se quita la más antigua.
}
shortlist-cookie-note = Tu lista se conserva en una cookie de este navegador, y solo en él, durante un año; no necesitas cuenta.
shortlist-bad-form = El formulario del botón «Guardar» no llegó como lo preparó la página. Recarga la página e inténtalo de nuevo.

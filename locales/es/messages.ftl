## Mensajes de src/messages.rs: páginas de error, acceso, avisos de los formularios públicos.

not-found-title = No encontramos la página
not-found-text = No hemos encontrado esa página. Puede que la vacante se haya retirado o que el enlace esté mal escrito.
bad-request-title = No hemos podido leer la petición
csrf-title = Este formulario ha caducado
csrf-text = Por seguridad, el formulario no se ha enviado. Vuelve atrás, recarga la página e inténtalo de nuevo.
forbidden-title = Acceso no permitido
forbidden-text = Tu cuenta no tiene acceso a esta página.
too-many-title = Demasiados intentos
unavailable-title = Ahora mismo hay mucha carga
unavailable-text = El sitio está muy ocupado. Vuelve a intentarlo en unos segundos.
internal-title = Algo ha fallado
internal-text = Algo ha fallado por nuestra parte. Lo hemos registrado; inténtalo de nuevo más tarde.

login-failed = El correo o la contraseña no son correctos.
login-locked = Demasiados intentos fallidos. Por seguridad, el acceso queda en pausa durante 15 minutos.
signed-out = Has cerrado la sesión.

comment-stamp-used = Este formulario ya se usó para enviar un comentario. Si querías enviar otro, tu texto sigue abajo: envíalo de nuevo.
control-character = La petición contiene un carácter de control (como NUL) que ninguna dirección ni campo admite. Vuelve atrás, escribe el texto de nuevo y envíalo.
not-a-form = Solo aceptamos formularios enviados desde las páginas de este sitio. Vuelve atrás, recarga la página y envía el formulario de nuevo.
body-too-slow = El formulario llegó demasiado despacio y se cortó. Comprueba tu conexión y envíalo de nuevo.

required = Este campo es obligatorio.
salary-not-stated = Salario no indicado

too-large-title = Es más de lo que admitimos
form-too-large = El formulario que has enviado es más grande de lo que admitimos. Vuelve atrás, acorta el texto y envíalo de nuevo.

apply-too-large = Tu CV es más grande de lo que admitimos. Vuelve atrás, elige un archivo más pequeño (exportarlo a PDF suele dar el menor) y envía el formulario de nuevo.
apply-too-fast = Ha sido muy rápido. Revisa tus datos y envía el formulario de nuevo.
apply-stale = Este formulario ha estado abierto mucho tiempo. Revisa tus datos y envíalo de nuevo.
apply-rejected = No se ha podido enviar la candidatura. Recarga la página e inténtalo de nuevo.
apply-rate-limited = En la última hora hemos recibido varias candidaturas desde tu red. Inténtalo de nuevo más tarde.
apply-closed-title = Esta vacante está cerrada
apply-closed-text = Esta vacante ya no admite candidaturas, así que no se ha enviado nada. Echa un vistazo a las vacantes abiertas.
apply-duplicate-title = Ya te has inscrito
apply-duplicate-text = Ya tenemos tu candidatura a esta vacante de las últimas 24 horas, así que no hemos guardado una segunda copia. El enlace a tu justificante está en el correo que te enviamos entonces.
erase-confirm = Marca la casilla para confirmar que tu candidatura y tu CV deben borrarse definitivamente.
note-empty = Escribe una nota antes de guardarla.

# Errores con texto propio que lanzan los manejadores.
unknown-status-change = Cambio de estado desconocido.
unknown-status = Estado desconocido.
move-up-or-down = Mueve hacia arriba o hacia abajo.
too-many-comments = Demasiados comentarios a la vez.
form-unreadable = No hemos podido leer el formulario.

method-not-allowed-title = Esta página no admite eso
method-not-allowed-text = Esta dirección existe, pero no para ese tipo de petición (por ejemplo, un formulario enviado a una página que solo se consulta). Vuelve atrás y usa los enlaces y botones del sitio.
password-too-common = Es una de las contraseñas más comunes, las primeras que prueba un atacante. Elige otra (unas cuantas palabras sin relación entre sí dan una contraseña fuerte).
password-same-as-current = Elige una contraseña nueva, no la actual.
wrong-current-password = Esta no es tu contraseña actual.
current-password-locked = Demasiados intentos con una contraseña actual incorrecta. Por tu seguridad, el cambio de contraseña queda en pausa 15 minutos.
must-change-password = Tu contraseña es temporal. Elige una propia para continuar.

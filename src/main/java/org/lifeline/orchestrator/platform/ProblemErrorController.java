package org.lifeline.orchestrator.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.AbstractErrorController;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors the servlet container forwards to {@code /error} (a 403 or 404 of the console, a 405, a failure outside a
 * controller): problem+json, like the API's own errors; a browser asking for a page gets the plain error page. Called
 * directly, {@code /error} is a resource that does not exist. A database that cannot be reached before a controller
 * runs (a security filter counting failed logins) is the same 503 as in a controller.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends AbstractErrorController {

  ProblemErrorController(ErrorAttributes errorAttributes) {
    super(errorAttributes);
  }

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView errorPage(HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status = statusOf(request);
    Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
    model.put("status", status.value());
    model.put("error", status.getReasonPhrase());
    response.setStatus(status.value());
    ModelAndView page = resolveErrorView(request, response, status, model);
    return page != null ? page : new ModelAndView("error", model, status);
  }

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
        && DatabaseUnavailable.causes(failure)) {
      return DatabaseUnavailable.answer(failure);
    }
    HttpStatus status = statusOf(request);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.getReasonPhrase());
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
      try {
        problem.setInstance(URI.create(path));
      } catch (IllegalArgumentException notAUri) {
        // left out: the path is the caller's own text
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The error's status; a direct call, which carries none, is answered as the unknown resource it is. */
  private HttpStatus statusOf(HttpServletRequest request) {
    if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
      return HttpStatus.NOT_FOUND;
    }
    HttpStatus status = HttpStatus.resolve(code);
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
